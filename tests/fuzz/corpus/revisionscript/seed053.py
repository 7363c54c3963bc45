# Copyright 2024 OpenStack Foundation
#
#    Licensed under the Apache License, Version 2.0 (the "License");

"""rocky expand: port forwarding

Revision ID: rocky_expand01
Revises: 0e66c5227a8a
Create Date: 2024-01-01 00:00:00

"""

from alembic import op
import sqlalchemy as sa

from quarry.db.migration.cli import FIRST_CONTRACT as CONTRACT_BASE

# revision identifiers, used by Alembic.
revision = 'rocky_expand01'
down_revision = '0e66c5227a8a'
depends_on = CONTRACT_BASE


def upgrade():
    op.add_column('networks', sa.Column('c_rocky_expand01', sa.String(255)))
