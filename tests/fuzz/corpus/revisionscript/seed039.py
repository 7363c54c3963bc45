"""add index on created_at and updated_at columns of 'images' table

Revision ID: mitaka01
Revises: liberty
Create Date: 2017-01-01 00:00:00

"""
from alembic import op

revision = 'mitaka01'
down_revision = None


def upgrade():
    pass
