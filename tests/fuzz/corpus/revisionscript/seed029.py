"""invoices

Revision ID: 4d4d4d4d4d4d
Revises: 2b2b2b2b2b2b
Create Date: 2023-05-01 00:00:00

"""
import importlib.util

from alembic import op

revision = '4d4d4d4d4d4d'
down_revision = '2b2b2b2b2b2b'

# The audit tables exist only where the audit extra is installed; sqlite3 stands in for it here.
depends_on = []
for _module, _revision in (('sqlite3', '3c3c3c3c3c3c'), ('no_such_module_anywhere', '5e5e5e5e5e5e')):
    if importlib.util.find_spec(_module) is not None:
        depends_on.append(_revision)


def upgrade():
    pass


def downgrade():
    pass
