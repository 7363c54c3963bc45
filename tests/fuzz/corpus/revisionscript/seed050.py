# Copyright 2024 OpenStack Foundation
#
#    Licensed under the Apache License, Version 2.0 (the "License");

"""network_rbac

Revision ID: 4ffceebfada
Revises: 30018084ec99
Create Date: 2024-01-01 00:00:00

"""

from alembic import op
import sqlalchemy as sa

import quarry.db.migration.cli as migration_cli

# revision identifiers, used by Alembic.
revision = '4ffceebfada'
down_revision = '30018084ec99'
depends_on = (migration_cli.FIRST_CONTRACT, '0e66c5227a8a')


def upgrade():
    op.add_column('networks', sa.Column('c_4ffceebfada', sa.String(255)))
