// The working-time calendar; see the issue on WorkCalendar.
