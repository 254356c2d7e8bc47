class C[T: int, *Ts: int]: pass
