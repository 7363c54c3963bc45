"""a side branch off mitaka01

Revision ID: zz_side01
Revises: mitaka01
Create Date: 2017-01-01 00:00:00

"""
from alembic import op

revision = 'zz_side01'
down_revision = 'mitaka01'


def upgrade():
    pass
