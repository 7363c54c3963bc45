"""drop glare artifacts tables

Revision ID: pike_contract01
Revises: ocata_contract01
Create Date: 2017-01-01 00:00:00

"""
from alembic import op

revision = 'pike_contract01'
down_revision = 'ocata_contract01'
depends_on = 'pike_expand01'


def upgrade():
    pass
