# Constants shared by the migration command and the revision files (glance imports them this way).
CONTRACT_BRANCH = 'contract'
EXPAND_BRANCH = 'expand'

LIBERTY = 'liberty'
MITAKA = 'mitaka'
