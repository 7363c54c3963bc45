"""make order total not null

Revision ID: 02add0242610
Revises: b476ff785737
Create Date: 2023-04-12 14:40:55.118340

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "02add0242610"
down_revision: Union[str, None] = "b476ff785737"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch_op:
        batch_op.alter_column(
            "total",
            existing_type=sa.Numeric(precision=10, scale=2),
            nullable=False,
            server_default="0",
        )


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch_op:
        batch_op.alter_column(
            "total",
            existing_type=sa.Numeric(precision=10, scale=2),
            nullable=True,
            server_default=None,
        )
