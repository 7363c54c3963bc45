from typing import Sequence, Union
revision: str = "a1"
down_revision: Union[str, Sequence[str], None] = ("b", "c")
