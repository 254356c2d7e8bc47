class C[*Ts, **P]: pass
