# Copyright 2024 OpenStack Foundation
#
#    Licensed under the Apache License, Version 2.0 (the "License");

"""Add desc to standard attr table

Revision ID: 0e66c5227a8a
Revises: 354db87e3225
Create Date: 2024-01-01 00:00:00

"""

from alembic import op
import sqlalchemy as sa

import quarry.db.migration as migration

# revision identifiers, used by Alembic.
revision = '0e66c5227a8a'
down_revision = '354db87e3225'

# milestone identifier, used by quarry-db-manage
quarry_milestone = [migration.MITAKA]


def upgrade():
    op.add_column('networks', sa.Column('c_0e66c5227a8a', sa.String(255)))
