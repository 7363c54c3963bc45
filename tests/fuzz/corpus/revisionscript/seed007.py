"""index orders by status

Revision ID: 390761eb7193
Revises: 06c42a290512
Create Date: 2023-02-20 08:12:39.771502

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '390761eb7193'
down_revision = '06c42a290512'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_orders_status', 'orders', ['status'])


def downgrade() -> None:
    op.drop_index('ix_orders_status', table_name='orders')
