"""rename customers.name to full_name

Revision ID: 43be28eee936
Revises: cfcd54daa7e4
Create Date: 2023-07-03 11:09:20.573806

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "43be28eee936"
down_revision: Union[str, None] = "cfcd54daa7e4"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("customers") as batch_op:
        batch_op.alter_column(
            "name",
            new_column_name="full_name",
            existing_type=sa.String(length=120),
            existing_nullable=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("customers") as batch_op:
        batch_op.alter_column(
            "full_name",
            new_column_name="name",
            existing_type=sa.String(length=120),
            existing_nullable=False,
        )
