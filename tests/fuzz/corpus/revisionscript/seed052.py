# Copyright 2024 OpenStack Foundation
#
#    Licensed under the Apache License, Version 2.0 (the "License");

"""rocky contract: drop old bindings

Revision ID: rocky_contract01
Revises: 4ffceebfada
Create Date: 2024-01-01 00:00:00

"""

from alembic import op
import sqlalchemy as sa

revision = 'rocky_contract01'
down_revision = '4ffceebfada'


def upgrade():
    op.add_column('networks', sa.Column('c_rocky_contract01', sa.String(255)))
