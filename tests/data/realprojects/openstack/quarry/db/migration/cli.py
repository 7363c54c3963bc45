import os

from alembic import command as alembic_command
from alembic import config as alembic_config

from quarry.db.migration import CONTRACT_BRANCH
from quarry.db.migration import EXPAND_BRANCH

HEAD_FILENAME = 'HEAD'
MIGRATION_BRANCHES = (EXPAND_BRANCH, CONTRACT_BRANCH)
# The first contract revision, which every later expand depends on.
LIBERTY_CONTRACT_HEAD = '30018084ec99'
FIRST_CONTRACT = LIBERTY_CONTRACT_HEAD
RELEASES = ('liberty', 'mitaka', 'newton', 'rocky', '2024.1')


def _get_alembic_config():
    config = alembic_config.Config(os.path.join(os.path.dirname(__file__), 'alembic.ini'))
    return config


def main():
    alembic_command.upgrade(_get_alembic_config(), 'heads')
