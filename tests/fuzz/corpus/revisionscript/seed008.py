"""create addresses table

Revision ID: 3b3a0aac0a27
Revises: 02add0242610
Create Date: 2023-05-08 09:52:31.664720

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "3b3a0aac0a27"
down_revision: Union[str, None] = "02add0242610"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "addresses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("line1", sa.String(length=200), nullable=False),
        sa.Column("line2", sa.String(length=200), nullable=True),
        sa.Column("city", sa.String(length=80), nullable=False),
        sa.Column("postal_code", sa.String(length=16), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_addresses_customer_id"), "addresses", ["customer_id"], unique=False)
    with op.batch_alter_table("orders") as batch_op:
        batch_op.add_column(sa.Column("shipping_address_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_orders_shipping_address_id_addresses", "addresses", ["shipping_address_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_constraint("fk_orders_shipping_address_id_addresses", type_="foreignkey")
        batch_op.drop_column("shipping_address_id")
    op.drop_index(op.f("ix_addresses_customer_id"), table_name="addresses")
    op.drop_table("addresses")
