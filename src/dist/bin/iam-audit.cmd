@echo off
rem Runs lib\iam-audit.jar with the JVM flags that suit a short CI run (see bin/iam-audit for why each):
rem -XX:+UseSerialGC -XX:TieredStopAtLevel=1, and -Diam-audit.command=iam-audit so that the help and the
rem hints name the command as it is run here. JAVA_OPTS comes after them, so it wins; a collector chosen in
rem JAVA_OPTS, JDK_JAVA_OPTIONS or JAVA_TOOL_OPTIONS replaces -XX:+UseSerialGC, since the JVM refuses two.
rem Java is %JAVA_HOME%\bin\java.exe, else the java on the PATH. The exit code is the jar's; this script's own
rem refusals exit 2, never 1, which would read as a failed gate. Labels and goto instead of ( ) blocks: a
rem JAVA_HOME such as C:\Program Files (x86)\... would end a block early.
setlocal

set "IAM_AUDIT_JAR=%~dp0..\lib\iam-audit.jar"
if exist "%IAM_AUDIT_JAR%" goto findJava
echo iam-audit: "%IAM_AUDIT_JAR%" is missing; unzip the whole distribution again 1>&2
exit /b 2

:findJava
if not defined JAVA_HOME goto javaOnPath
set "IAM_AUDIT_JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%IAM_AUDIT_JAVA%" goto chooseGc
echo iam-audit: JAVA_HOME is "%JAVA_HOME%", which has no bin\java.exe; point it at a Java 17 or later, or unset it to use the java on the PATH 1>&2
exit /b 2

:javaOnPath
set "IAM_AUDIT_JAVA=java.exe"
where java.exe >nul 2>&1
if not errorlevel 1 goto chooseGc
echo iam-audit: no java on the PATH and JAVA_HOME is not set; install Java 17 or later, or set JAVA_HOME to one 1>&2
exit /b 2

:chooseGc
set "IAM_AUDIT_GC=-XX:+UseSerialGC"
set "IAM_AUDIT_OPTS= %JDK_JAVA_OPTIONS% %JAVA_TOOL_OPTIONS% %JAVA_OPTS% "
for %%g in (SerialGC ParallelGC G1GC ZGC ShenandoahGC EpsilonGC) do call :chosen %%g

"%IAM_AUDIT_JAVA%" %IAM_AUDIT_GC% -XX:TieredStopAtLevel=1 -Diam-audit.command=iam-audit %JAVA_OPTS% -jar "%IAM_AUDIT_JAR%" %*
exit /b %ERRORLEVEL%

rem Drops the default collector when the options name -XX:+Use<%1>.
:chosen
call set "IAM_AUDIT_REST=%%IAM_AUDIT_OPTS:-XX:+Use%1=%%"
if not "%IAM_AUDIT_REST%"=="%IAM_AUDIT_OPTS%" set "IAM_AUDIT_GC="
exit /b 0
