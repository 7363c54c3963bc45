"""accounts

Revision ID: 1a1a1a1a1a1a
Revises: 
Create Date: 2023-05-01 00:00:00

"""
import importlib.util

from alembic import op

revision = '1a1a1a1a1a1a'
down_revision = None


def upgrade():
    pass


def downgrade():
    pass
