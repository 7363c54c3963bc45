"""create audit events table

Revision ID: fec857550dc4
Revises: 
Create Date: 2023-05-15 08:30:12.604417

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'fec857550dc4'
down_revision = None
branch_labels = ('audit',)
depends_on = None


def upgrade() -> None:
    op.create_table('audit_events',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('occurred_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
        sa.Column('table_name', sa.String(length=64), nullable=False),
        sa.Column('row_id', sa.Integer(), nullable=False),
        sa.Column('action', sa.String(length=16), nullable=False),
        sa.Column('payload', sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint('id')
        )


def downgrade() -> None:
    op.drop_table('audit_events')
