"""doc
revision = 'a1'
down_revision = ('b',
