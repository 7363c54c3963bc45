# Copyright 2024 OpenStack Foundation
#
#    Licensed under the Apache License, Version 2.0 (the "License");

"""Initial no-op Liberty expand rule.

Revision ID: 354db87e3225
Revises: kilo
Create Date: 2024-01-01 00:00:00

"""

from alembic import op
import sqlalchemy as sa

from quarry.db.migration import cli

# revision identifiers, used by Alembic.
revision = '354db87e3225'
down_revision = 'kilo'
branch_labels = (cli.EXPAND_BRANCH,)


def upgrade():
    op.add_column('networks', sa.Column('c_354db87e3225', sa.String(255)))
