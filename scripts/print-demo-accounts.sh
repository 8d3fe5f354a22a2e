#!/usr/bin/env bash
# Printed by `make run`: the demo accounts of a database seeded with `innet seed --demo`.
cat <<'TEXT'

InNet demo accounts (password: demo), at http://127.0.0.1:8080
  admin@demo.innet.example               account and organisation administration, audit trail
  prefecture_officer@demo.innet.example  Prefettura di Palermo
  inspector@demo.innet.example           centre monitoring
  case_worker@demo.innet.example         Cooperativa Sociale Approdo (demo), a centre operator
  service_provider@demo.innet.example    Associazione Diritti in Rete (demo)
  sui_officer@demo.innet.example         Sportello Unico per l'Immigrazione
  analyst@demo.innet.example             aggregate statistics

TEXT
