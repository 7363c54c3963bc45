"""reports

Revision ID: 5e5e5e5e5e5e
Revises: 3c3c3c3c3c3c
Create Date: 2023-05-01 00:00:00

"""
import importlib.util

from alembic import op

revision = '5e5e5e5e5e5e'
down_revision = '3c3c3c3c3c3c'


def upgrade():
    pass


def downgrade():
    pass
