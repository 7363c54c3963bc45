# Copyright 2024 OpenStack Foundation
#
#    Licensed under the Apache License, Version 2.0 (the "License");

"""rocky expand: port bindings

Revision ID: rocky_expand02
Revises: rocky_expand01
Create Date: 2024-01-01 00:00:00

"""

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'rocky_expand02'
down_revision = 'rocky_expand01'


def upgrade():
    op.add_column('networks', sa.Column('c_rocky_expand02', sa.String(255)))
