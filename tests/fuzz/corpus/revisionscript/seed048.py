# Copyright 2024 OpenStack Foundation
#
#    Licensed under the Apache License, Version 2.0 (the "License");

"""Initial no-op Liberty contract rule.

Revision ID: 30018084ec99
Revises: kilo
Create Date: 2024-01-01 00:00:00

"""

from alembic import op
import sqlalchemy as sa

from quarry.db import migration

# revision identifiers, used by Alembic.
revision = '30018084ec99'
down_revision = 'kilo'
branch_labels = (migration.CONTRACT_BRANCH,)


def upgrade():
    op.add_column('networks', sa.Column('c_30018084ec99', sa.String(255)))
