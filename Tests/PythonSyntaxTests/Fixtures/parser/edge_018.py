f((yield))
