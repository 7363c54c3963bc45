"""empty expand for symmetry with pike_contract01

Revision ID: pike_expand01
Revises: ocata_expand01
Create Date: 2017-01-01 00:00:00

"""
from alembic import op

revision = 'pike_expand01'
down_revision = 'ocata_expand01'


def upgrade():
    pass
