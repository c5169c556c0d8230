import FiscalCLI
FiscalMain.run()
