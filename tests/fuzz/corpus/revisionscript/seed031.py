"""payments

Revision ID: 6f6f6f6f6f6f
Revises: 4d4d4d4d4d4d
Create Date: 2023-05-01 00:00:00

"""
import importlib.util

from alembic import op

revision = '6f6f6f6f6f6f'
down_revision = '4d4d4d4d4d4d'


def upgrade():
    pass


def downgrade():
    pass
