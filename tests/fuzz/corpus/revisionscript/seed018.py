"""soft-delete products

Revision ID: cfcd54daa7e4
Revises: 3b3a0aac0a27
Create Date: 2023-06-14 16:27:48.390152

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "cfcd54daa7e4"
down_revision: Union[str, None] = "3b3a0aac0a27"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("products", sa.Column("deleted_at", sa.DateTime(), nullable=True))
    op.create_index("ix_products_deleted_at", "products", ["deleted_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_products_deleted_at", table_name="products")
    op.drop_column("products", "deleted_at")
