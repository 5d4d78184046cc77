# try/except/else/finally, named handlers, re-raise, return/break/continue through finally.
def handlers():
    try:
        work()
    except (KeyError, IndexError) as err:
        report(err)
    except ValueError:
        pass
    except:
        raise
    else:
        ok()
    finally:
        cleanup()


def returns_through_finally(x):
    try:
        return x
    finally:
        print("done")


def loop_in_finally(items):
    for item in items:
        try:
            if item:
                break
            continue
        finally:
            log(item)


def finally_overrides():
    try:
        return 1
    finally:
        return 2


def groups():
    try:
        work()
    except* ValueError as eg:
        handle(eg)
    except* TypeError:
        pass
