# Copyright 2024 OpenStack Foundation
#
#    Licensed under the Apache License, Version 2.0 (the "License");

"""kilo_initial

Revision ID: kilo
Revises: None
Create Date: 2024-01-01 00:00:00

"""

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'kilo'
down_revision = None


def upgrade():
    op.add_column('networks', sa.Column('c_kilo', sa.String(255)))
