"""exports

Revision ID: 7a7a7a7a7a7a
Revises: 1a1a1a1a1a1a
Create Date: 2023-05-01 00:00:00

"""
import importlib.util

from alembic import op

revision = '7a7a7a7a7a7a'
down_revision = '1a1a1a1a1a1a'


def upgrade():
    pass


def downgrade():
    pass
