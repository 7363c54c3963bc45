"""add currency to orders

Revision ID: 1946af4d94f2
Revises: 43be28eee936
Create Date: 2023-08-21 10:33:57.842019

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "1946af4d94f2"
down_revision: Union[str, None] = "43be28eee936"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column(
        "orders",
        sa.Column("currency", sa.String(length=3), server_default="EUR", nullable=False),
    )
    op.add_column(
        "products",
        sa.Column("currency", sa.String(length=3), server_default="EUR", nullable=False),
    )


def downgrade() -> None:
    op.drop_column("products", "currency")
    op.drop_column("orders", "currency")
