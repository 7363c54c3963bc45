# Copyright 2024 OpenStack Foundation
#
#    Licensed under the Apache License, Version 2.0 (the "License");

"""2024.1 expand

Revision ID: 2024_1_expand01
Revises: rocky_expand02
Create Date: 2024-01-01 00:00:00

"""

from alembic import op
import sqlalchemy as sa

revision = '2024_1_expand01'
down_revision = 'rocky_expand02'


def upgrade():
    op.add_column('networks', sa.Column('c_2024_1_expand01', sa.String(255)))
