type A[T: int = str, *Ts = *tuple[int], **P = [int]] = T
