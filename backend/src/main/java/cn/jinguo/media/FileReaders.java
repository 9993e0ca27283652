package cn.jinguo.media;

import cn.jinguo.account.DataScope;

/**
 * Who may read a file besides those who see its owner org: each module that attaches files (notices today,
 * submissions later) says whether the caller reaches the file through something it can read.
 */
public interface FileReaders {
    boolean mayRead(long fileId, DataScope scope);
}
