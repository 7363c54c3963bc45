"""update metadef os_nova_server

Revision ID: mitaka02
Revises: mitaka01
Create Date: 2017-01-01 00:00:00

"""
from alembic import op

revision = 'mitaka02'
down_revision = 'mitaka01'


def upgrade():
    pass
