public enum PythonSyntaxModule {}
