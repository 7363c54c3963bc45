"""audit

Revision ID: 3c3c3c3c3c3c
Revises: 1a1a1a1a1a1a
Create Date: 2023-05-01 00:00:00

"""
import importlib.util

from alembic import op

revision = '3c3c3c3c3c3c'
down_revision = '1a1a1a1a1a1a'
branch_labels = ('audit',)


def upgrade():
    pass


def downgrade():
    pass
