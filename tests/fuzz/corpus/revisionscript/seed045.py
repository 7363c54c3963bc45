"""add os_hidden column to images table

Revision ID: rocky_expand01
Revises: pike_expand01
Create Date: 2017-01-01 00:00:00

"""
from alembic import op

revision = 'rocky_expand01'
down_revision = 'pike_expand01'


def upgrade():
    pass
