# coding: latin-1
revision = "a1"
