// MotCuaCore
