# -*- coding: cp1251 -*-
revision = "Пр"
down_revision = None
