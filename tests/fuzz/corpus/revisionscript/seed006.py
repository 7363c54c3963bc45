"""add payment status to orders

Revision ID: 38fc413a5082
Revises: a18491ce3426
Create Date: 2023-03-23 15:48:02.907331

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "38fc413a5082"
down_revision = "a18491ce3426"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "orders",
        sa.Column("payment_status", sa.String(length=20), server_default="unpaid", nullable=False),
    )


def downgrade() -> None:
    op.drop_column("orders", "payment_status")
