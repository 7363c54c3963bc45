import x.y as z
from . import q
from .a import (b as c, d)
revision, down_revision = "a1", None
depends_on = []
if z:
    depends_on.append(q)
branch_labels = (c.D, d)
