public enum BatchFixPythonModule {}
