"""billing

Revision ID: 2b2b2b2b2b2b
Revises: 1a1a1a1a1a1a
Create Date: 2023-05-01 00:00:00

"""
import importlib.util

from alembic import op

revision = '2b2b2b2b2b2b'
down_revision = '1a1a1a1a1a1a'
branch_labels = ('billing',)


def upgrade():
    pass


def downgrade():
    pass
