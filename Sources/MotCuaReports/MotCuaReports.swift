// MotCuaReports
