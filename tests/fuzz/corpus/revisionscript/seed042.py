"""add visibility to images

Revision ID: ocata_expand01
Revises: mitaka02
Create Date: 2017-01-01 00:00:00

"""
from alembic import op

from vendorlib.db import migration

# revision identifiers, used by Alembic.
revision = 'ocata_expand01'
down_revision = 'mitaka02'
branch_labels = (migration.EXPAND_BRANCH,)


def upgrade():
    pass
