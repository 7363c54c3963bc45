"""add order reference to audit events

Revision ID: ef26db01ed67
Revises: fec857550dc4
Create Date: 2023-05-17 12:04:39.877261

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'ef26db01ed67'
down_revision = 'fec857550dc4'
branch_labels = None
depends_on = 'e2b8c937991e'


def upgrade() -> None:
    # Needs the orders table from the shop branch, hence depends_on.
    op.add_column('audit_events', sa.Column('order_id', sa.Integer(), nullable=True))
    op.create_index('ix_audit_events_order_id', 'audit_events', ['order_id'])


def downgrade() -> None:
    op.drop_index('ix_audit_events_order_id', table_name='audit_events')
    op.drop_column('audit_events', 'order_id')
